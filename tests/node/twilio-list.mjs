// Lists messages with Twilio's own npm client through the API at {baseUrl} (MentorBot's simulator): to {to}
// from {from}, sent after {sentAfter}, {pageSize} a page, so the client follows next_page_uri itself. Reads
// {baseUrl, accountSid, authToken, to, from, sentAfter, pageSize} on stdin; prints what the client saw.
import twilio from 'twilio';

let input = '';
for await (const chunk of process.stdin) input += chunk;
const { baseUrl, accountSid, authToken, to, from, sentAfter, pageSize } = JSON.parse(input);

const client = twilio(accountSid, authToken);
client.api.baseUrl = baseUrl;

const listed = await client.messages.list({ to, from, dateSentAfter: new Date(sentAfter), pageSize });
const firstPage = await client.messages.page({ to, from, dateSentAfter: new Date(sentAfter), pageSize });

const view = m => ({ sid: m.sid, to: m.to, from: m.from, body: m.body, status: m.status, dateSent: m.dateSent?.toISOString() ?? null });
process.stdout.write(JSON.stringify({ listed: listed.map(view), firstPageCount: firstPage.instances.length, hasNextPage: firstPage.nextPageUrl !== undefined }));
