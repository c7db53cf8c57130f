import type { ComponentChildren } from 'preact';

/** A page section named by its heading, so screen readers list it as a region. */
export function Section({
  id,
  title,
  class: className,
  children,
}: {
  id: string;
  title: string;
  class: string;
  children: ComponentChildren;
}) {
  return (
    <section class={className} aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}
