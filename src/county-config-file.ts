/** Reads the county config file (JSON); the shipped demo county when no path is set. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CountyConfigError, parseCountyConfig, type CountyConfig } from './domain/county/schema.ts';

export const DEMO_COUNTY_PATH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../config/demo-county.json');

export function readCountyConfig(file: string = DEMO_COUNTY_PATH): CountyConfig {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new CountyConfigError([`cannot read ${file}: ${(err as Error).message}`]);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new CountyConfigError([`${file} is not valid JSON: ${(err as Error).message}`]);
  }
  return parseCountyConfig(doc);
}
