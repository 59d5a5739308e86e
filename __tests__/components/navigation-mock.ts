// next/navigation needs Next's router; component tests record what would have been navigated to.
export const router = { push: jest.fn(), replace: jest.fn(), refresh: jest.fn(), back: jest.fn(), prefetch: jest.fn() };
export let pathname = "/etudiants";

export function setPathname(value: string) {
  pathname = value;
}

export const navigationMock = () => ({
  useRouter: () => router,
  usePathname: () => pathname,
  useSearchParams: () => new URLSearchParams(),
});
