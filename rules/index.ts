/** The registry: every rule flylint knows, in catalog order. */
import type { Rule } from '../server/src/lint/rule.js';
import tomlSyntax from './toml-syntax.js';
import tomlDuplicateKey from './toml-duplicate-key.js';
import tomlVersion from './toml-version.js';
import unknownKey from './unknown-key.js';
import invalidType from './invalid-type.js';
import invalidValue from './invalid-value.js';
import missingRequired from './missing-required.js';
import deprecated from './deprecated.js';
import keyCase from './key-case.js';
import ambiguousDuration from './ambiguous-duration.js';
import unknownProcess from './unknown-process.js';
import serviceMissingProcesses from './service-missing-processes.js';
import serviceWithoutPorts from './service-without-ports.js';
import duplicateServicePort from './duplicate-service-port.js';
import checkTiming from './check-timing.js';
import invalidCommand from './invalid-command.js';
import deployStrategy from './deploy-strategy.js';
import invalidMount from './invalid-mount.js';
import vmSizing from './vm-sizing.js';
import multipleBuildSources from './multiple-build-sources.js';
import missingBuildFile from './missing-build-file.js';
import noBuildSource from './no-build-source.js';
import portMismatch from './port-mismatch.js';
import missingSwap from './missing-swap.js';
import sharedCpuInProduction from './shared-cpu-in-production.js';
import minMachinesRunning from './min-machines-running.js';
import missingAutoStop from './missing-auto-stop.js';
import exposedPrivateService from './exposed-private-service.js';
import secretInEnv from './secret-in-env.js';
import invalidEnv from './invalid-env.js';
import missingForceHttps from './missing-force-https.js';
import missingHealthCheck from './missing-health-check.js';
import primaryRegion from './primary-region.js';
import immediateDeploy from './immediate-deploy.js';
import volumeSinglePoint from './volume-single-point.js';
import missingMetrics from './missing-metrics.js';
import sharedAppName from './shared-app-name.js';
import crossEnvironmentReference from './cross-environment-reference.js';
import environmentNaming from './environment-naming.js';
import unusedSuppression from './unused-suppression.js';

export const rules: readonly Rule[] = [
  tomlSyntax,
  tomlDuplicateKey,
  tomlVersion,
  unknownKey,
  invalidType,
  invalidValue,
  missingRequired,
  deprecated,
  keyCase,
  ambiguousDuration,
  unknownProcess,
  serviceMissingProcesses,
  serviceWithoutPorts,
  duplicateServicePort,
  checkTiming,
  invalidCommand,
  deployStrategy,
  invalidMount,
  vmSizing,
  multipleBuildSources,
  missingBuildFile,
  noBuildSource,
  portMismatch,
  missingSwap,
  sharedCpuInProduction,
  minMachinesRunning,
  missingAutoStop,
  exposedPrivateService,
  secretInEnv,
  missingForceHttps,
  missingHealthCheck,
  primaryRegion,
  immediateDeploy,
  volumeSinglePoint,
  missingMetrics,
  sharedAppName,
  crossEnvironmentReference,
  environmentNaming,
  invalidEnv,
  unusedSuppression,
];
