import { SERVICE_KEY_HEADER } from '@aftersales/nest';

/** One service process as the gateway sees it. */
export interface ServiceProcess {
  name: string;
  services: string[];
  /** Where it listens now (the same port across restarts). */
  url: string;
  /** The key the platform's own calls to it carry (settle, clock, timers, projections, lag): AFTERSALES_SERVICE_KEY. */
  serviceKey?: string;
  /**
   * The name its supervisor gave this start of it (AFTERSALES_PROCESS_INSTANCE): the process's /health repeats it, so the
   * gateway tells a stranger on the port from its own process.
   */
  instance?: string;
}

export interface JsonAnswer<T = unknown> {
  status: number;
  body: T;
}

/** A JSON call to a service process, as the platform itself (the service key); a process that does not answer rejects. */
export async function callJson<T = unknown>(process: ServiceProcess, method: 'GET' | 'POST', path: string, body?: unknown): Promise<JsonAnswer<T>> {
  const response = await fetch(process.url + path, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(process.serviceKey ? { [SERVICE_KEY_HEADER]: process.serviceKey } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body: parsed as T };
}

/** The same, but anything but 2xx is an error naming the process and the call. */
export async function expectJson<T = unknown>(process: ServiceProcess, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const answer = await callJson<T>(process, method, path, body);
  if (answer.status < 200 || answer.status >= 300) {
    throw new Error(`${method} ${path} on ${process.name} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  }
  return answer.body;
}
