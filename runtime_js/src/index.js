// Everything generated code imports from "./runtime/index.js".
export { useVar, useEvent } from "./react.js";
export { useClientVar, setClientVar } from "./clientVars.js";
export { str, truthy, floatRepr, pyRepr } from "./py.js";
export { child, eachItem, spreadChildren } from "./children.js";
export { styleOf } from "./style.js";
export { perform } from "./actions.js";
export { Fragment } from "react";
// The core components: Radix Themes' own (bundled only when a page uses them) and our adapters.
export {
  AlertDialog, AspectRatio, Avatar, Badge, Blockquote, Box, Button, Callout, Card, Code, Container, ContextMenu, DataList,
  Dialog, DropdownMenu, Em, Flex, Grid, Heading, HoverCard, IconButton, Inset, Kbd, Popover, Progress, Quote,
  RadioGroup, ScrollArea, Section, SegmentedControl, Select, Separator, Skeleton, Slider, Spinner, Strong, Switch,
  Table, Tabs, Text, Theme, Tooltip, CheckboxGroup, TextField, ThemePanel,
} from "@radix-ui/themes";
export {
  ColorModeButton, ColorModeIcon, ColorModeSwitch, Lifecycle, PyxAccordionContent, PyxAccordionHeader, PyxAccordionIcon, PyxAccordionItem, PyxAccordionRoot,
  PyxAccordionTrigger, PyxCallout,
  PyxDataTable, PyxCheckbox, PyxForm, PyxInput, PyxLink, PyxRadioGroup, PyxSelect, PyxTextArea,
} from "./components.js";
export { ThemeRoot } from "./theme.js";
export { IconByName } from "./icons.js";
export { PyxAutoScroll } from "./autoScroll.js";
export { PyxDebounceInput } from "./debounceInput.js";
export { PyxMedia } from "./media.js";
export { PyxHtml, PyxScript } from "./rawHtml.js";
export { PyxToastProvider } from "./toastSlot.js";
export { PyxCodeBlock, PyxMarkdown } from "./richText.js";
export { PyxClipboard } from "./clipboard.js";
export { color } from "./color.js";
export { useColorMode } from "./colorMode.js";
export { Upload } from "./components.js";
export { useSelectedFiles } from "./selection.js";
export { startUpload, uploadUrl } from "./uploadRequest.js";
export { start } from "./start.js";
export { navigate, useRoute } from "./router.js";
export { createStore } from "./store.js";
export { createSocket } from "./socket.js";
