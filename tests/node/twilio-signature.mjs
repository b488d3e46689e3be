// Reads {"token", "url", "params"} as JSON on stdin and prints the X-Twilio-Signature that Twilio's own
// library expects, and whether its validator accepts a given signature. An oracle for the C# tests.
import twilio from 'twilio';

let input = '';
for await (const chunk of process.stdin) input += chunk;
const { token, url, params, signature } = JSON.parse(input);
const expected = twilio.getExpectedTwilioSignature(token, url, params ?? {});
const valid = signature === undefined ? null : twilio.validateRequest(token, signature, url, params ?? {});
process.stdout.write(JSON.stringify({ expected, valid }));
