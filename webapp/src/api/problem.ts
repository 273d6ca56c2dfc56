// RFC 9457 problem details as the API answers them, carried as an Error so screens can show title and detail.
export interface ProblemBody {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  [k: string]: unknown;
}

export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly problem: ProblemBody,
  ) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.name = 'ProblemError';
  }
}

/** An error for a failed response: the problem body when there is one, else the status alone. */
export async function problemOf(res: Response): Promise<ProblemError> {
  let body: ProblemBody = { status: res.status };
  try {
    const type = res.headers.get('Content-Type') ?? '';
    if (type.includes('json')) body = { status: res.status, ...(await res.clone().json()) };
  } catch {
    // not JSON after all: status only
  }
  return new ProblemError(res.status, body);
}
