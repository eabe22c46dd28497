/**
 * The peer for `fanout`: a minimal socket.io server doing the same broadcast as a Snowstage room —
 * every chat line goes to every connected client. Prints its port on stdout.
 */
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const http = createServer();
const io = new Server(http, { transports: ['websocket'], perMessageDeflate: false, serveClient: false });
let n = 0;
io.on('connection', (socket) => {
  void socket.join('main');
  socket.on('chat', (text: string) => {
    io.to('main').emit('chat', { id: `m${n++}`, nickname: 'viewer', text, at: Date.now() });
  });
});
http.listen(0, '127.0.0.1', () => {
  const addr = http.address();
  console.log(`PORT ${typeof addr === 'object' && addr ? addr.port : 0}`);
});
