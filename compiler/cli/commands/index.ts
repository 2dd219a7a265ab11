/** Every CLI command, in the order `mlops --help` lists them. */
import type { CliCommand } from '../command.ts';
import { command as audit } from './audit.ts';
import { command as check } from './check.ts';
import { command as compile } from './compile.ts';
import { command as demo } from './demo.ts';
import { command as deploy } from './deploy.ts';
import { command as explain } from './explain.ts';
import { command as graph } from './graph.ts';
import { command as plan } from './plan.ts';
import { command as validate } from './validate.ts';

/** The registry. */
export const COMMANDS: readonly CliCommand[] = [validate, compile, check, plan, explain, graph, deploy, audit, demo];
