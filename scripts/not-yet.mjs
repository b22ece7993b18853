#!/usr/bin/env node
// Placeholder for a command whose issue has not landed yet: says so and fails.
const [command, issue] = process.argv.slice(2);
console.error(`npm run ${command}: not built yet (tracked in issue ${issue}).`);
process.exit(1);
