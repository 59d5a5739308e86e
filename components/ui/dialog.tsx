"use client";
import * as DialogPrimitive from "@radix-ui/react-dialog";
import { X } from "lucide-react";
import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn";
import { useReturnFocus } from "./return-focus";

export const Dialog = DialogPrimitive.Root;
export const DialogTrigger = DialogPrimitive.Trigger;
export const DialogClose = DialogPrimitive.Close;
export const DialogTitle = DialogPrimitive.Title;
export const DialogDescription = DialogPrimitive.Description;

const PLACEMENTS = {
  center: "top-1/2 left-1/2 w-[calc(100vw-2rem)] max-w-lg -translate-x-1/2 -translate-y-1/2 rounded-lg p-6",
  side: "inset-y-0 right-0 flex w-full max-w-md flex-col overflow-y-auto",
} as const;

type ContentProps = ComponentProps<typeof DialogPrimitive.Content> & {
  /** "center": a modal dialog; "side": a panel sliding from the right (the Aperçu panel). */
  placement?: keyof typeof PLACEMENTS;
  closeLabel: string;
  children: ReactNode;
};

export function DialogContent({ placement = "center", closeLabel, className, children, ...props }: ContentProps) {
  const returnFocus = useReturnFocus(props);
  return (
    <DialogPrimitive.Portal>
      <DialogPrimitive.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
      <DialogPrimitive.Content
        className={cn("fixed z-50 bg-white shadow-xl focus:outline-none", PLACEMENTS[placement], className)}
        {...props}
        {...returnFocus}
      >
        {children}
        <DialogPrimitive.Close
          className="absolute top-3 right-3 rounded-md p-2 text-slate-600 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600"
          aria-label={closeLabel}
        >
          <X aria-hidden className="h-5 w-5" />
        </DialogPrimitive.Close>
      </DialogPrimitive.Content>
    </DialogPrimitive.Portal>
  );
}
