// Sends a message with Twilio's own npm client through the API at {baseUrl} (MentorBot's simulator),
// fetches it back, and tries one invalid create. Reads {baseUrl, accountSid, authToken, to, from, body}
// on stdin; prints what the client saw. An oracle that the simulator speaks Twilio's Messages API.
import twilio from 'twilio';

let input = '';
for await (const chunk of process.stdin) input += chunk;
const { baseUrl, accountSid, authToken, to, from, body } = JSON.parse(input);

const client = twilio(accountSid, authToken);
client.api.baseUrl = baseUrl;

const created = await client.messages.create({ to, from, body });
const fetched = await client.messages(created.sid).fetch();

let error = null;
try {
  await client.messages.create({ to, from });
} catch (e) {
  error = { status: e.status, code: e.code, message: e.message };
}

const view = m => ({ sid: m.sid, accountSid: m.accountSid, to: m.to, from: m.from, body: m.body, status: m.status, direction: m.direction, dateCreated: m.dateCreated?.toISOString() ?? null });
process.stdout.write(JSON.stringify({ created: view(created), fetched: view(fetched), error }));
