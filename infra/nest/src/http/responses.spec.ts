import type { CommandResult } from '@aftersales/kernel';
import { DomainError } from '@aftersales/kernel';
import { commandResponse, resourceResponse } from './responses';

class RecordingResponse {
  statusCode?: number;
  headers: Record<string, string> = {};
  status(code: number) {
    this.statusCode = code;
    return this;
  }
  setHeader(name: string, value: string) {
    this.headers[name] = value;
    return this;
  }
}

const result = (replayed: boolean): CommandResult<{ status: string }> => ({
  streamId: 'order-1',
  revision: 4,
  state: { status: 'awaiting_shipment' },
  eventIds: ['e-1'],
  events: [],
  replayed,
});

describe('commandResponse', () => {
  it('given a fresh result, when answered, then status, ETag and body carry the revision and event ids', () => {
    const res = new RecordingResponse();

    const body = commandResponse(res, result(false), (s) => ({ orderStatus: s.status }), 201);

    expect(JSON.parse(body.text)).toEqual({ orderStatus: 'awaiting_shipment', revision: 4, eventIds: ['e-1'] });
    expect(body.value).toEqual({ orderStatus: 'awaiting_shipment', revision: 4, eventIds: ['e-1'] });
    expect(res.statusCode).toBe(201);
    expect(res.headers).toEqual({ ETag: '"4"' });
  });

  it('given a replayed result, when answered, then the same status and a replay marker', () => {
    const res = new RecordingResponse();

    commandResponse(res, result(true), (s) => s, 201);

    expect(res.statusCode).toBe(201);
    expect(res.headers['Idempotent-Replayed']).toBe('true');
  });
});

describe('resourceResponse', () => {
  it('given no document, when answered, then a not_found DomainError', () => {
    expect(() => resourceResponse(new RecordingResponse(), undefined, 'Order', 'o-9')).toThrow(DomainError);
  });

  it('given a document, when answered, then it comes back with its ETag', () => {
    const res = new RecordingResponse();
    const doc = { id: 'o-1', revision: 2 };

    expect(resourceResponse(res, doc, 'Order', 'o-1')).toBe(doc);
    expect(res.headers.ETag).toBe('"2"');
  });
});
