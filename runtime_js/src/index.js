// Everything generated code imports from "./runtime/index.js".
export { useVar, useEvent } from "./react.js";
export { str, truthy, floatRepr, pyRepr } from "./py.js";
export { child, eachItem } from "./children.js";
export { styleOf } from "./style.js";
export { perform } from "./actions.js";
export { Fragment } from "react";
export { HStack, VStack, Box, Text, Heading, Button, Input, Avatar, Image, Upload } from "./components.js";
export { useSelectedFiles } from "./selection.js";
export { startUpload, uploadUrl } from "./uploadRequest.js";
export { start } from "./start.js";
export { navigate, useRoute } from "./router.js";
export { createStore } from "./store.js";
export { createSocket } from "./socket.js";
