/** k8s/no-secrets-in-env: no secret values written in plain environment variables. */
import type { ManifestRule, ManifestViolation } from '../../rule.ts';
import { listAt } from '../../pod-specs.ts';
import { describeContainer, eachContainer } from './container-fields.ts';

const SECRET_NAME = /(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIAL)/i;
const SECRET_VALUE = /(^AKIA[0-9A-Z]{16}$|^gh[pousr]_[A-Za-z0-9]{20,}|^xox[abpr]-|-----BEGIN [A-Z ]*PRIVATE KEY-----|^sk-[A-Za-z0-9]{20,})/;

/** The rule. */
export const noSecretsInEnv: ManifestRule = {
  id: 'k8s/no-secrets-in-env',
  scope: 'manifest',
  podsOnly: true,
  title: 'No secrets in plain env',
  description: 'An environment variable whose name says it is a secret (PASSWORD, TOKEN, API_KEY…) or whose value looks like a credential is stored in Git and the deploy repo in clear text.',
  fix: 'Put the value in a Kubernetes Secret and reference it with `secretRef` on the step (it becomes `envFrom`).',
  defaultMode: 'enforce',
  waivable: false,
  check({ pods }) {
    const violations: ManifestViolation[] = [];
    for (const { pod, container } of eachContainer(pods)) {
      for (const variable of listAt(container.fields, 'env')) {
        const value = variable.value;
        if (typeof value !== 'string' || value === '') continue;
        const name = String(variable.name ?? '');
        if (SECRET_NAME.test(name) || SECRET_VALUE.test(value)) violations.push({ pod, field: 'env', message: `${describeContainer(pod, container)} sets secret-looking variable ${name} in plain text.` });
      }
    }
    return violations;
  },
};
