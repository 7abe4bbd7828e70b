// Where and why a credentials file is not valid JSON, WITHOUT quoting it: the aliyun CLI config holds
// AccessKey secrets and STS tokens, and JSON.parse's own message quotes the text around the error
// (`Unexpected token 'S', "{"access_key_secret": S…" is not valid JSON`). The warning says the line,
// the column and what is wrong there, from jsonc-parser's error codes, never a character of the file.
import { visit, ParseErrorCode } from 'jsonc-parser';

const WHAT: Partial<Record<ParseErrorCode, string>> = {
  [ParseErrorCode.InvalidSymbol]: 'a character that cannot start a JSON value',
  [ParseErrorCode.InvalidNumberFormat]: 'a malformed number',
  [ParseErrorCode.PropertyNameExpected]: 'a property name in double quotes is expected',
  [ParseErrorCode.ValueExpected]: 'a value is expected',
  [ParseErrorCode.ColonExpected]: 'a colon (:) is expected after the property name',
  [ParseErrorCode.CommaExpected]: 'a comma (,) is expected',
  [ParseErrorCode.CloseBraceExpected]: 'a comma (,) or a closing brace (}) is expected',
  [ParseErrorCode.CloseBracketExpected]: 'a comma (,) or a closing bracket (]) is expected',
  [ParseErrorCode.EndOfFileExpected]: 'text after the end of the JSON document',
  [ParseErrorCode.InvalidCommentToken]: 'a comment (JSON has none)',
  [ParseErrorCode.UnexpectedEndOfComment]: 'an unterminated comment (JSON has none)',
  [ParseErrorCode.UnexpectedEndOfString]: 'a string without its closing quote',
  [ParseErrorCode.UnexpectedEndOfNumber]: 'a number that ends too early',
  [ParseErrorCode.InvalidUnicode]: 'a \\u escape without four hex digits',
  [ParseErrorCode.InvalidEscapeCharacter]: 'an invalid escape in a string',
  [ParseErrorCode.InvalidCharacter]: 'a control character inside a string',
};

/** "line L, column C: what is wrong" for the first syntax error of a text JSON.parse refused (1-based). */
export function describeJsonSyntaxError(text: string): string | undefined {
  let first: { code: ParseErrorCode; line: number; column: number } | undefined;
  visit(text, {
    onError(code, _offset, _length, startLine, startCharacter) {
      first ??= { code, line: startLine + 1, column: startCharacter + 1 };
    },
  }, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  // jsonc-parser accepts a few things JSON.parse does not (a byte order mark, lone surrogates): no position then.
  if (!first) return undefined;
  return `line ${first.line}, column ${first.column}: ${WHAT[first.code] ?? 'not valid JSON here'}`;
}
