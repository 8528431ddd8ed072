import { describe, expect, it } from "vitest";
import { servedOverHttps, sessionCookieName } from "./secure-cookies";

describe("secure session cookies", () => {
  it("are used when the public address is https", () => {
    expect(servedOverHttps({ NEXTAUTH_URL: "https://quiz.example.org" })).toBe(true);
    expect(sessionCookieName({ NEXTAUTH_URL: "https://quiz.example.org" })).toBe("__Secure-next-auth.session-token");
  });
  it("are not used over plain http, where a browser would drop them", () => {
    expect(servedOverHttps({ NEXTAUTH_URL: "http://localhost:3000" })).toBe(false);
    expect(servedOverHttps({})).toBe(false);
    expect(sessionCookieName({})).toBe("next-auth.session-token");
  });
});
