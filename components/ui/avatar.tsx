import { cn } from "./cn";

const SIZES = { xs: "h-7 w-7 text-[0.6875rem]", sm: "h-9 w-9 text-xs", md: "h-12 w-12 text-sm", lg: "h-20 w-20 text-xl" } as const;

export function initialsOf(firstName: string, lastName: string): string {
  return `${firstName.trim().charAt(0)}${lastName.trim().charAt(0)}`.toUpperCase();
}

/** A person's photo, or their initials on a tinted disc when there is none. */
export function Avatar({
  firstName,
  lastName,
  photoUrl,
  alt,
  size = "sm",
}: {
  firstName: string;
  lastName: string;
  photoUrl: string | null;
  alt: string;
  size?: keyof typeof SIZES;
}) {
  const classes = cn("inline-flex shrink-0 items-center justify-center overflow-hidden rounded-full", SIZES[size]);
  if (photoUrl) {
    // eslint-disable-next-line @next/next/no-img-element -- small local images; no optimisation needed
    return <img src={photoUrl} alt={alt} className={cn(classes, "object-cover")} />;
  }
  // Decorative (empty alt, the name is next to it): hidden from assistive technologies, like an empty-alt image.
  const named = alt !== "";
  return (
    <span
      className={cn(classes, "bg-indigo-100 font-semibold text-indigo-800")}
      role={named ? "img" : undefined}
      aria-label={named ? alt : undefined}
      aria-hidden={named ? undefined : true}
    >
      {initialsOf(firstName, lastName)}
    </span>
  );
}
