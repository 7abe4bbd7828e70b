// The on-instance fleet check script is bundled as text by esbuild (loader '.py': 'text' in esbuild.mjs).
declare module '*.py' {
  const text: string;
  export default text;
}
