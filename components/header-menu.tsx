"use client";

import { useRef, useState } from "react";

/**
 * The header's page links. On a phone they sit behind a "Menu" button so the header keeps to one
 * row; from the `sm` breakpoint up the button is hidden and the links flow into the header as before
 * (`display: contents`), so the desktop header is unchanged.
 */
export function HeaderMenu({ label, children }: { label: string; children: React.ReactNode }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls="header-menu"
        onClick={() => setOpen((o) => !o)}
        className="order-2 rounded border border-slate-300 px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-100 sm:hidden"
      >
        {label}
      </button>
      <div
        id="header-menu"
        // A followed link closes the menu (the header stays mounted across client navigations).
        onClick={(e) => {
          if ((e.target as Element).closest("a")) setOpen(false);
        }}
        onKeyDown={(e) => {
          if (e.key === "Escape") {
            setOpen(false);
            button.current?.focus();
          }
        }}
        className={`${open ? "flex" : "hidden"} order-3 w-full flex-col gap-2 border-t border-slate-200 pt-2 sm:contents`}
      >
        {children}
      </div>
    </>
  );
}
