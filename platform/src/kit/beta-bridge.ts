/**
 * A GA API version modelled on the beta a kubernetes-models package ships: the GA version is the beta with
 * deprecated fields removed, so an object at the GA apiVersion validates with the beta validator, seeing the
 * beta apiVersion. Reads go through to the object itself, so `checkObject`'s recording proxy (unknown fields
 * at any depth) works unchanged. Used by the Flux (helm/flux-models.ts) and ESO (secrets/eso-models.ts) models.
 */

/** The beta's interface at another apiVersion, without `status` (the kit never writes one). */
export type Retyped<T, V extends string> = Omit<T, 'apiVersion' | 'kind' | 'status'> & { apiVersion: V; kind: T extends { kind: infer K } ? K : never };

/** What a constructor takes: everything but apiVersion and kind. */
export type Data<T> = Omit<T, 'apiVersion' | 'kind'>;

/** `target` as its beta validator expects it: the beta apiVersion, every other read passed through. */
export function asBeta(target: object, betaApiVersion: string): object {
  return new Proxy(target, {
    get(t, key, receiver) {
      const value = Reflect.get(t, key, receiver);
      return key === 'apiVersion' ? betaApiVersion : value;
    },
  });
}
