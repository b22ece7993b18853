// Prisma CLI config: JavaScript engines only (nothing downloaded), PGlite as the
// authoring database for `migrate diff`. Runtime connections are made in src/store.
import { defineConfig } from 'prisma/config';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  experimental: { adapter: true },
  engine: 'js',
  async adapter() {
    return new PrismaPGlite(new PGlite()) as never;
  },
});
