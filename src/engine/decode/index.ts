// The decoders the engine runs after the plain pass, cheapest prefilter first.
import { base64Decoder } from "./base64.js";
import { jsonEscapeDecoder } from "./json-escape.js";
import { percentDecoder } from "./percent.js";
import type { Decoder } from "./span.js";
import { utf16Decoder } from "./utf16.js";

export type { DecodedSpan, DecodeInput, Decoder } from "./span.js";

export const DECODERS: readonly Decoder[] = [jsonEscapeDecoder, percentDecoder, base64Decoder, utf16Decoder];
