/**
 * First run of a production installation: `npm run admin:create -- <username> "<Full name>"` creates the first
 * nationwide system administrator with a password read from ADMIN_PASSWORD or typed twice (not echoed).
 * Refused once an active one exists. Migrates the database first, so it works on an empty one.
 */
import { createInterface } from 'node:readline';
import { databaseOptions, describeDatabase, loadConfig } from '@mot-cua/config';
import { errorEntry } from '@mot-cua/contracts';
import { createFirstAdministrator, isAppError } from '@mot-cua/core';
import { createAuditPort, createUsersRepository, migrate, openDatabase } from '@mot-cua/db';
import { passwordHasher } from './http/auth.js';

function askHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const out = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WritableStream };
    out._writeToOutput = (s: string) => {
      if (s.includes(question)) out.output.write(s);
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
  });
}

async function main() {
  const [username, ...nameParts] = process.argv.slice(2);
  const fullName = nameParts.join(' ');
  if (!username || !fullName) {
    console.error('Usage: npm run admin:create -- <username> "<Họ và tên>"   (password: ADMIN_PASSWORD or prompt)');
    process.exit(2);
  }
  const config = loadConfig(process.env);
  let password = process.env.ADMIN_PASSWORD ?? '';
  if (!password) {
    if (!process.stdin.isTTY) throw new Error('Set ADMIN_PASSWORD or run in a terminal to type the password.');
    password = await askHidden('Mật khẩu / Password (≥ 12 ký tự): ');
    if ((await askHidden('Nhập lại / Repeat: ')) !== password) throw new Error('The two passwords differ.');
  }
  const database = await openDatabase(databaseOptions(config));
  try {
    await migrate(database);
    const { userId } = await database.db
      .transaction()
      .execute((trx) =>
        createFirstAdministrator(
          { username, fullName, password },
          { users: createUsersRepository(trx), hasher: passwordHasher, audit: createAuditPort(trx, 'admin:create') },
        ),
      );
    console.log(`Created system administrator ${username.toLowerCase()} (${userId}) in ${describeDatabase(config)}.`);
  } finally {
    await database.close();
  }
}

main().catch((e) => {
  console.error(
    isAppError(e) ? `${e.code}: ${errorEntry(e.code).vi} / ${errorEntry(e.code).en}` : String(e?.message ?? e),
  );
  process.exit(1);
});
