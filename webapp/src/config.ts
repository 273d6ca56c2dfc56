// Where Keycloak is, read at start from the platform (/app-config.json, AppConfigServlet), so one build runs on
// any host and port.
export interface AppConfig {
  keycloakUrl: string;
  realm: string;
  clientId: string;
  publicUrl: string;
  chainRpcUrl?: string;
}

let loaded: Promise<AppConfig> | undefined;

export function appConfig(): Promise<AppConfig> {
  loaded ??= fetch('/app-config.json', { headers: { Accept: 'application/json' } }).then((r) => {
    if (!r.ok) throw new Error(`app-config.json: HTTP ${r.status}`);
    return r.json() as Promise<AppConfig>;
  });
  return loaded;
}

export function realmUrl(c: AppConfig): string {
  return `${c.keycloakUrl.replace(/\/$/, '')}/realms/${encodeURIComponent(c.realm)}`;
}

export function tokenEndpoint(c: AppConfig): string {
  return `${realmUrl(c)}/protocol/openid-connect/token`;
}
