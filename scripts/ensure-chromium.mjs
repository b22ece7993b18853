#!/usr/bin/env node
/**
 * Runs before `npm test`: the browser tests drive Debian's Chromium (/usr/bin/chromium,
 * as the machine notes say) and its CJK fonts for readable screenshots. On a fresh machine
 * where they are missing, installs them with apt-get when it can (root), as .ci/run does;
 * otherwise says what to install and stops, rather than letting the browser tests fail
 * one by one.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const hasFonts = () => {
  try {
    return /noto sans cjk/i.test(execFileSync('fc-list', { encoding: 'utf8' }));
  } catch {
    return false;
  }
};

if (fs.existsSync(CHROMIUM) && hasFonts()) process.exit(0);

const canApt = process.getuid?.() === 0 && fs.existsSync('/usr/bin/apt-get');
if (!canApt) {
  console.error(`The browser tests need Chromium at ${CHROMIUM} and CJK fonts: install the Debian packages chromium and fonts-noto-cjk (or set CHROMIUM_PATH).`);
  process.exit(1);
}
console.log('Installing chromium and fonts-noto-cjk for the browser tests (apt-get) …');
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
execFileSync('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-noto-cjk'], { stdio: 'inherit', env });
