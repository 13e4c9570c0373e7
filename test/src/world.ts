/**
 * A whole corridor in one process: PH and JP authorities, the partnership, qualifications,
 * an accredited Manila training centre, the co-signed PH→JP caregiving mapping, an issuer and
 * a registry operator. Stores are SQLite files under `dir`, or in memory.
 */
import { join } from 'node:path';
import { Issuer, IssuerStore } from '@corridor/issuer';
import { exportTrustPack, Registry, RegistryStore, setUpReferenceCorridor } from '@corridor/registry';
import {
  generateKeyPair, importKeyPair, loadTrustPack, phCaregivingQualification,
  type KeyPair, type QualificationRecord, type SignedTrustPack, type SkillCredential,
} from '@corridor/shared';

export const WORKER = { name: 'Maria Santos', birthDate: '1996-04-12' };
export const CENTRE_NAME = 'Manila Care Training Center';
/** Everything a VC-API client may choose beyond the defaults (issue-request.ts), every evidence property included. */
export const HONOURED_EXTRAS: NonNullable<Parameters<Issuer['issue']>[0]['extras']> = {
  type: 'AchievementCredential', name: 'Pag-aalaga NC II', achievementName: 'Caregiving NC II', description: 'Autumn cohort, Manila campus.',
  evidence: [{
    id: 'https://mctc.example.ph/portfolio/2026/17', type: ['Evidence'], name: 'Practical assessment', description: 'Two clients, 8 hours.',
    narrative: 'Observed care.', genre: 'Assessment', audience: 'Employers',
  }],
};

export interface World {
  keys: { ph: KeyPair; jp: KeyPair; centre: KeyPair; operator: KeyPair };
  registry: Registry;
  issuer: Issuer;
  issuerStore: IssuerStore;
  caregiving: QualificationRecord;
  issue(overrides?: Partial<Parameters<Issuer['issue']>[0]>): Promise<SkillCredential>;
  /** Push the issuer's signed status lists to the registry, as a sync would. */
  publishStatus(issuer?: Issuer): Promise<void>;
  pack(country?: string): Promise<SignedTrustPack>;
  trust(country?: string): Promise<Awaited<ReturnType<typeof loadTrustPack>>>;
  close(): void;
}

export const newKey = (): KeyPair => importKeyPair(generateKeyPair());

export async function createWorld(options: {
  dir?: string; now?: () => Date; keys?: World['keys'];
  /** Where the SQLite files go, if not `dir`/registry.db and `dir`/issuer.db (the demo leaves CLI data dirs). */
  files?: { registry: string; issuer: string };
} = {}): Promise<World> {
  const now = options.now ?? (() => new Date());
  const keys = options.keys ?? { ph: newKey(), jp: newKey(), centre: newKey(), operator: newKey() };
  const registryStore = new RegistryStore(options.files?.registry ?? (options.dir ? join(options.dir, 'registry.db') : ':memory:'));
  const issuerStore = new IssuerStore(options.files?.issuer ?? (options.dir ? join(options.dir, 'issuer.db') : ':memory:'));
  const registry = new Registry(registryStore, { now });
  await setUpReferenceCorridor(registry, keys);
  const issuer = new Issuer({ store: issuerStore, key: keys.centre, name: CENTRE_NAME, baseUrl: 'https://mctc.example.ph', now });
  const caregiving = phCaregivingQualification(keys.ph.description.controller);
  const world: World = {
    keys, registry, issuer, issuerStore, caregiving,
    issue: (overrides = {}) => issuer.issue({
      qualification: caregiving, subject: WORKER, assessedAt: '2026-10-30T00:00:00Z', route: 'training', ...overrides,
    }),
    async publishStatus(from = issuer) {
      for (const list of await from.statusListCredentials()) await registry.pushStatusList(list);
    },
    pack: (country = 'JP') => exportTrustPack(registry, { country, operatorKey: keys.operator, now: now() }),
    trust: async (country = 'JP') => loadTrustPack(await world.pack(country), {
      roots: [country === 'JP' ? keys.jp.description.controller : keys.ph.description.controller],
    }),
    close() {
      registryStore.close();
      issuerStore.close();
    },
  };
  return world;
}
