import { clsx, type ClassValue } from "clsx";

/**
 * Joins class names. Without tailwind-merge (≈9 kB gzipped on every page), a later class does not
 * replace an earlier one of the same property: give a component no class that conflicts with its
 * own (__tests__/unit/class-names.test.ts checks the app's call sites), or add a prop for the variant.
 */
export function cn(...inputs: ClassValue[]): string {
  return clsx(inputs);
}
