import { describe, expect, it } from "vitest";
import { siteOrigin } from "./site-origin";

const headers = (values: Record<string, string>) => new Headers(values);

describe("site origin for links shown to users", () => {
  it("prefers a configured public address", () => {
    expect(siteOrigin(headers({ host: "10.0.0.5:3000" }), { NEXTAUTH_URL: "https://quiz.example.org/app" })).toBe("https://quiz.example.org");
  });
  it("ignores the address npm start only filled in, and takes the Host over http", () => {
    expect(siteOrigin(headers({ host: "10.0.0.5:3000" }), { NEXTAUTH_URL: "http://localhost:3000", NEXTAUTH_URL_DEFAULTED: "1" })).toBe("http://10.0.0.5:3000");
  });
  it("reads the forwarded scheme and host only behind trusted proxies", () => {
    const forwarded = headers({ host: "app:3000", "x-forwarded-proto": "https", "x-forwarded-host": "quiz.example.org" });
    expect(siteOrigin(forwarded, { TRUSTED_PROXY_HOPS: "1" })).toBe("https://quiz.example.org");
    expect(siteOrigin(forwarded, {})).toBe("http://app:3000");
  });
  it("does not echo a host that is not one", () => {
    expect(siteOrigin(headers({ host: "app:3000", "x-forwarded-host": "evil.example/<script>" }), { TRUSTED_PROXY_HOPS: "1" })).toBe("http://app:3000");
  });
});
