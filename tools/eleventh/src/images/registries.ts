/** One RegistryClient per registry host for a run (tokens are cached per client), with the run's insecure hosts. */
import { RegistryClient, type RegistryOptions } from './registry/client';

export class Registries {
  private readonly clients = new Map<string, RegistryClient>();

  constructor(private readonly options: RegistryOptions = {}) {}

  client(host: string): RegistryClient {
    let client = this.clients.get(host);
    if (!client) {
      client = new RegistryClient(host, this.options);
      this.clients.set(host, client);
    }
    return client;
  }
}
