/** Entry point of the drift-check image: runs {@link main} with the process's arguments and streams. */
import { main } from './main.ts';

process.exitCode = await main(process.argv.slice(2), { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text), env: process.env });
