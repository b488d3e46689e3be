// Drives a MentorBot conversation with Microsoft's own Direct Line client (botframework-directlinejs),
// over polling or over the WebSocket stream, as Web Chat would. Reads JSON on stdin:
//   {"domain": "http://127.0.0.1:PORT/v3/directline", "token": "...", "webSocket": true,
//    "steps": [{"buttonTitle": "العربية"}, {"button": 0}, {"text": "Amal"}]}
// Waits for the greeting, then for each step posts a reply and waits for her echo and the bot's answer.
// Prints {"conversationId", "statuses", "postIds", "activities"} as JSON. An oracle for the C# tests.
import xhr2 from 'xhr2';
import WebSocket from 'ws';

global.XMLHttpRequest = xhr2;
global.WebSocket = WebSocket; // directlinejs refuses to start without a global WebSocket, even when polling
const { DirectLine } = await import('botframework-directlinejs');

let input = '';
for await (const chunk of process.stdin) input += chunk;
const { domain, token, secret, userId, webSocket, steps, conversationId } = JSON.parse(input);

// With `secret` (a site's server) the client names its own user (`userId`); with a token the token's user is used.
const directLine = new DirectLine({ token, secret, domain, webSocket, conversationId, pollingInterval: 200, timeout: 10000 });
const statuses = [];
const activities = [];
const postIds = [];
let changed = () => {};
directLine.connectionStatus$.subscribe(status => statuses.push(status));
directLine.activity$.subscribe(activity => { activities.push(activity); changed(); });

// Resolves once `done()` holds, checked after every activity; a turn's replies arrive in one set, so
// one more turn of the event loop lets the rest of the set through.
function until(done, what) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}; got ${JSON.stringify(activities.map(a => a.text))}`)), 30000);
    const check = () => { if (done()) { clearTimeout(timer); changed = () => {}; setImmediate(resolve); } };
    changed = check;
    check();
  });
}

const fromBot = a => a.from && a.from.role === 'bot';
await until(() => activities.some(fromBot), 'the greeting');
const lastBotOf = () => [...activities].reverse().find(fromBot);
for (const [index, step] of steps.entries()) {
  if (step.buttonTitle !== undefined || step.button !== undefined) {
    // A welcome comes as two messages (the greeting, then the question with its buttons): wait for the buttons.
    await until(() => (lastBotOf().suggestedActions || { actions: [] }).actions.length > 0, `the buttons for step ${index}`);
  }
  const lastBot = lastBotOf();
  const actions = (lastBot.suggestedActions && lastBot.suggestedActions.actions) || [];
  const action = step.buttonTitle !== undefined ? actions.find(a => a.title === step.buttonTitle)
    : step.button !== undefined ? actions[step.button] : undefined;
  if ((step.buttonTitle !== undefined || step.button !== undefined) && !action) {
    throw new Error(`no button ${JSON.stringify(step)} in ${JSON.stringify(actions)}`);
  }
  const clientActivityID = `node-${index}-${Date.now()}`;
  const activity = {
    type: 'message', from: { id: userId || 'ignored-by-the-token', role: 'user' }, text: action ? action.text : step.text,
    channelData: action ? { clientActivityID, messageBack: { displayText: action.displayText } } : { clientActivityID }
  };
  const id = await new Promise((resolve, reject) => directLine.postActivity(activity).subscribe(resolve, reject));
  postIds.push(id);
  const echoAt = () => activities.findIndex(a => a.channelData && a.channelData.clientActivityID === clientActivityID);
  await until(() => echoAt() >= 0 && activities.slice(echoAt() + 1).some(fromBot), `the answer to step ${index}`);
}

directLine.end();
process.stdout.write(JSON.stringify({ conversationId: directLine.conversationId, statuses, postIds, activities }));
process.exit(0);
