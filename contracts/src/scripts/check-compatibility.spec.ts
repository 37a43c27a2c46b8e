import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Type } from '@sinclair/typebox';
import { allEvents } from '../catalogue';
import { checkCompatibility } from '../compatibility';
import { defineEvent, type EventDefinition, type ServiceName } from '../define-event';
import { DEFAULT_PUBLISHED_DIR, runCheckCompatibility } from './check-compatibility';
import { runPublishContracts } from './publish-contracts';

/** A small catalogue: one event type in two versions and one more, each defined from its fields. */
const parcelLost = (fields: Record<string, any> = {}, service: ServiceName = 'logistics') =>
  defineEvent({
    type: 'ParcelLost',
    version: 1,
    service,
    description: 'A parcel was lost',
    schema: Type.Object({ orderId: Type.String(), shipmentId: Type.String(), ...fields }, { additionalProperties: false }),
    example: { orderId: 'ord-1', shipmentId: 'shp-1' },
  });
const parcelLostV2 = defineEvent({
  type: 'ParcelLost',
  version: 2,
  service: 'logistics',
  description: 'A parcel was lost, with the carrier',
  schema: Type.Object({ orderId: Type.String(), shipmentId: Type.String(), carrier: Type.String() }, { additionalProperties: false }),
  example: { orderId: 'ord-1', shipmentId: 'shp-1', carrier: 'SF' },
});
const parcelFound = defineEvent({
  type: 'ParcelFound',
  version: 1,
  service: 'logistics',
  description: 'A lost parcel was found',
  schema: Type.Object({ orderId: Type.String() }, { additionalProperties: false }),
  example: { orderId: 'ord-1' },
});
const catalogueV1: EventDefinition[] = [parcelLost(), parcelFound];

const capture = () => {
  const lines: string[] = [];
  return { lines, out: { log: (m: string) => lines.push(m), error: (m: string) => lines.push(m) } };
};

describe('pnpm contracts:publish and contracts:compat', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'contracts-published-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const publish = (args: string[], definitions: EventDefinition[] = catalogueV1) => {
    const { lines, out } = capture();
    return { code: runPublishContracts([...args, '--published', dir], out, definitions), lines };
  };
  const compat = (definitions: EventDefinition[]) => {
    const { lines, out } = capture();
    return { code: runCheckCompatibility(['--published', dir], out, definitions), lines };
  };

  it('publishes every version and the envelope with --all, and the check then passes', () => {
    // when the catalogue is published
    const published = publish(['--all']);
    // then each version has its file, and the unchanged catalogue is compatible
    expect(published.code).toBe(0);
    expect(published.lines).toEqual(
      expect.arrayContaining([
        'published envelope.json',
        'published logistics/ParcelLost.v1.json',
        'published logistics/ParcelFound.v1.json',
      ]),
    );
    expect(compat(catalogueV1)).toEqual({ code: 0, lines: [expect.stringMatching(/compatible with the 3 published contracts/)] });
  });

  it('fails with the rule and path of each breaking change', () => {
    // given v1 published
    publish(['--all']);
    // when a required field is added to it in place and ParcelFound is deleted
    const { code, lines } = compat([parcelLost({ carrier: Type.String() })]);
    // then both are reported
    expect(code).toBe(1);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^BREAKING ParcelLost v1 \/carrier: required-field-added/),
        expect.stringMatching(/^BREAKING ParcelFound v1: version-deleted/),
      ]),
    );
  });

  it('passes when a new version carries the breaking change and the published one stays', () => {
    publish(['--all']);
    const { code, lines } = compat([parcelLost(), parcelLostV2, parcelFound]);
    expect(code).toBe(0);
    // and the new version is named as not yet protected
    expect(lines[0]).toMatch(/not yet published \(not protected\): ParcelLost v2/);
  });

  it('passes an optional field added to a published version', () => {
    publish(['--all']);
    expect(compat([parcelLost({ carrier: Type.Optional(Type.String()) }), parcelFound]).code).toBe(0);
  });

  it('fails when a published event type moves to another service topic', () => {
    publish(['--all']);
    const { code, lines } = compat([parcelLost({}, 'refund'), parcelFound]);
    expect(code).toBe(1);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/ParcelLost v1: topic-changed: published on aftersales\.logistics\.events\.v1, now on aftersales\.refund/),
      ]),
    );
  });

  it('fails when there is no baseline at all, and on a published file that is not an event schema', () => {
    expect(compat(catalogueV1).code).toBe(1);
    publish(['--all']);
    writeFileSync(join(dir, 'logistics', 'Stray.v1.json'), '{}\n');
    const { code, lines } = compat(catalogueV1);
    expect(code).toBe(2);
    expect(lines[0]).toMatch(/Stray\.v1\.json is not a published event schema/);
  });

  it('never rewrites a published version without --force', () => {
    // given v1 published, then changed compatibly in the code
    publish(['--all']);
    const file = join(dir, 'logistics', 'ParcelLost.v1.json');
    const before = readFileSync(file, 'utf8');
    const changed = [parcelLost({ carrier: Type.Optional(Type.String()) }), parcelFound];
    // when published again without --force
    const kept = publish(['logistics'], changed);
    // then the file is kept, and the output says why
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(kept.lines).toContain('kept logistics/ParcelLost.v1.json: the current schema differs (compatibly); --force rewrites it');
    // when published with --force, it is rewritten
    const forced = publish(['ParcelLost.v1', '--force'], changed);
    expect(forced.lines).toContain('rewrote logistics/ParcelLost.v1.json');
    expect(JSON.parse(readFileSync(file, 'utf8')).properties.carrier).toEqual({ type: 'string' });
  });

  it('names the breaking changes when --force rewrites a published version', () => {
    publish(['--all']);
    const { lines } = publish(['ParcelLost', '--force'], [parcelLost({ carrier: Type.String() }), parcelFound]);
    expect(lines.join('\n')).toMatch(/rewrote logistics\/ParcelLost\.v1\.json WITH BREAKING CHANGES:\n {4}required-field-added \/carrier/);
  });

  it('publishes only what the selectors name, and adds a new version next to the old', () => {
    publish(['ParcelLost']);
    unlinkSync(join(dir, 'envelope.json'));
    const added = publish(['ParcelLost.v2'], [parcelLost(), parcelLostV2, parcelFound]);
    expect(added.lines).toEqual(expect.arrayContaining(['published logistics/ParcelLost.v2.json', 'published envelope.json']));
    expect(added.lines.some((line) => line.includes('ParcelFound'))).toBe(false);
  });

  it('refuses to guess: no selection prints the usage, an unknown selector is an error', () => {
    expect(publish([]).code).toBe(2);
    const unknown = publish(['ParcelStolen']);
    expect(unknown).toEqual({ code: 2, lines: ['ParcelStolen names no service, event type or Type.vN of the catalogue'] });
  });

  it('the committed contracts/published baseline is compatible with the code', () => {
    const report = checkCompatibility(DEFAULT_PUBLISHED_DIR, allEvents);
    expect(report.breaking).toEqual([]);
    expect(report.checked).toBeGreaterThan(1);
  });
});
