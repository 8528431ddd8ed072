export const emptyFormState = { ok: false, message: "", errors: {} as Record<string, string> };
