#!/usr/bin/env node
// Run first by `npm test`: the browser tests need Chromium and the backup drill needs pg_dump/pg_restore. When one is
// missing, a root shell on Debian/Ubuntu installs it from the distribution's packages (nothing is downloaded by npm);
// anywhere else the run stops at once with one line saying what to install, instead of a browser launch error minutes in.
import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';

const tools = [
  { name: 'Chromium', path: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', pkg: 'chromium', hint: 'or set CHROMIUM_PATH' },
  { name: 'pg_dump', path: findOnPath('pg_dump'), pkg: 'postgresql-client', hint: 'at least as new as your PostgreSQL server' },
];

function findOnPath(command) {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    if (dir && executable(`${dir}/${command}`)) return `${dir}/${command}`;
  }
  return `/usr/bin/${command}`;
}

function executable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

const missing = tools.filter((tool) => !executable(tool.path));
if (missing.length === 0) process.exit(0);

const packages = missing.map((tool) => tool.pkg);
const canInstall = process.getuid?.() === 0 && executable('/usr/bin/apt-get');
if (canInstall) {
  console.log(`Installing ${packages.join(' and ')} for the test suite (apt-get)…`);
  try {
    execFileSync('/usr/bin/apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('/usr/bin/apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  } catch {
    // Reported below with the same one line as when nothing could be tried.
  }
}
const still = tools.filter((tool) => !executable(tool.name === 'pg_dump' ? findOnPath('pg_dump') : tool.path));
if (still.length > 0) {
  console.error(
    `npm test needs ${still.map((tool) => `${tool.name} (${tool.hint})`).join(' and ')}: install ${still.map((tool) => tool.pkg).join(' ')} (Debian/Ubuntu: sudo apt-get install ${still.map((tool) => tool.pkg).join(' ')}).`,
  );
  process.exit(1);
}
