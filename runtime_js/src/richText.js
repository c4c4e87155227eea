// rx.markdown (react-markdown with GitHub's extensions, rendered with the theme's components) and
// rx.code_block (react-syntax-highlighter's Prism build, with only the languages pages name).
import { createElement as h } from "react";
import Markdown from "react-markdown";
import remarkGfm from "remark-gfm";
// The light build itself: the package index also reaches its async builds, whose per-language
// dynamic imports would each become a chunk of a code-split build (a dynamic rx.icon).
import PrismLight from "react-syntax-highlighter/dist/esm/prism-light.js";
import oneLight from "react-syntax-highlighter/dist/esm/styles/prism/one-light.js";
import oneDark from "react-syntax-highlighter/dist/esm/styles/prism/one-dark.js";
import { Blockquote, Code, Heading, Link, Table, Text } from "@radix-ui/themes";
import { useColorMode } from "./colorMode.js";

const HEADING_SIZES = { h1: "8", h2: "7", h3: "6", h4: "5", h5: "4", h6: "3" };
const drop = ({ node, ...props }) => props; // react-markdown's hast node is not a DOM prop

// Built on first use: a module-level call would keep this file (and Radix's Table, ScrollArea...)
// in every bundle, since esbuild cannot prove the call pure.
let markdownComponents = null;
const makeMarkdownComponents = () => ({
  ...Object.fromEntries(Object.entries(HEADING_SIZES).map(([tag, size]) =>
    [tag, (props) => h(Heading, { ...drop(props), as: tag, size, mb: "2" })])),
  p: (props) => h(Text, { ...drop(props), as: "p", mb: "2" }),
  a: (props) => h(Link, drop(props)),
  blockquote: (props) => h(Blockquote, drop(props)),
  code: ({ node, className, children, ...props }) =>
    /language-/.test(className ?? "") || String(children).includes("\n")
      ? h("code", { ...props, className }, children)
      : h(Code, props, children),
  pre: (props) => h("pre", { ...drop(props), className: "pyx-markdown-pre" }),
  table: (props) => h(Table.Root, { ...drop(props), variant: "surface" }),
  thead: (props) => h(Table.Header, drop(props)),
  tbody: (props) => h(Table.Body, drop(props)),
  tr: (props) => h(Table.Row, drop(props)),
  th: (props) => h(Table.ColumnHeaderCell, drop(props)),
  td: (props) => h(Table.Cell, drop(props)),
});

export function PyxMarkdown({ children, componentMap, ...rest }) {
  const text = Array.isArray(children) ? children.join("") : String(children ?? "");
  return h("div", { ...rest, className: ["pyx-markdown", rest.className].filter(Boolean).join(" ") },
    h(Markdown, { remarkPlugins: [remarkGfm], components: { ...(markdownComponents ??= makeMarkdownComponents()), ...componentMap } }, text));
}

const registered = new Set(); // languages registered with Prism so far

// `languageModule`: the build imports the one Prism grammar `language` names.
export function PyxCodeBlock({ children, code, language, languageModule, showLineNumbers = false, wrapLongLines = false,
  theme, style, className, ...rest }) {
  if (language && languageModule && !registered.has(language)) {
    PrismLight.registerLanguage(language, languageModule);
    registered.add(language);
  }
  const dark = useColorMode() === "dark";
  const text = code ?? (Array.isArray(children) ? children.join("") : String(children ?? ""));
  return h(PrismLight, {
    ...rest,
    language: languageModule ? language : undefined,
    style: theme === "dark" || (theme !== "light" && dark) ? oneDark : oneLight,
    showLineNumbers,
    wrapLongLines,
    className: ["pyx-code-block", className].filter(Boolean).join(" "),
    customStyle: { borderRadius: "var(--radius-3)", margin: 0, fontSize: "var(--font-size-2)", ...style },
  }, text);
}
