import { z } from "zod";

/** A database id as this app generates them (cuid): anything else is refused before any query. */
export const ZId = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[a-z0-9]+$/i);
