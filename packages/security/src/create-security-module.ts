import { bindSecurityPolicy, SecurityMode } from '@executer/core';
import { ContainerModule } from 'inversify';
import { PermissivePolicy } from './permissive-policy.js';
import { SafePolicy } from './safe-policy.js';

/** Binds the security policies "safe" and "permissive" (lazily; nothing binds on import). */
export function createSecurityModule(): ContainerModule {
  return new ContainerModule((options) => {
    bindSecurityPolicy(options, SecurityMode.SAFE, () => new SafePolicy());
    bindSecurityPolicy(options, SecurityMode.PERMISSIVE, () => new PermissivePolicy());
  });
}
