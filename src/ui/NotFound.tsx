// Shown for an address the app does not know.

export function NotFound() {
  return (
    <section class="screen">
      <h1>Deze pagina bestaat niet</h1>
      <p>
        <a href="/">Ga naar Registreren</a>
      </p>
    </section>
  );
}
