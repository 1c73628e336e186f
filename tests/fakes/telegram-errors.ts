// An error answer of the fake Bot API: {ok:false, error_code, description, parameters}.
export class ApiError extends Error {
  constructor(readonly code: number, readonly description: string, readonly parameters?: Record<string, unknown>) {
    super(description);
  }
}
export const bad = (description: string) => new ApiError(400, `Bad Request: ${description}`);
