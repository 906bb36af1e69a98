import type { Me } from '../../shared/api/client';

/** May change the partner-city registry: staff an admin granted the registry_editor role (the server checks it too). */
export const isRegistryEditor = (user: Me | undefined) => !!user?.grants.includes('registry_editor');
