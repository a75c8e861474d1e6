// The source of /seva-bridge.js: `window.seva` (SevaBridge from src/shared/desk-api.ts)
// over the browser desk host's WebSocket. Plain ES2017 so it runs as a classic script
// before the renderer's module; the per-run key comes from the page URL (`?k=`).
// Failures reject with an Error carrying the desk error `code`, like the preload does.
// A request over the host's size limit is refused here, before it is sent: the host
// would answer it with an error, or for a very large one drop the socket.
import { LIMITS } from '../../shared/limits'

export const BRIDGE_SCRIPT = String.raw`(function () {
  'use strict';
  var MAX_REQUEST_BYTES = ${LIMITS.deskMessageBytes};
  var key = new URLSearchParams(location.search).get('k') || '';
  var wsUrl = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/seva-ws?k=' + encodeURIComponent(key);
  var TIMEOUT_MS = 60000;
  var socket = null;
  var open = false;
  var nextId = 1;
  var waiting = new Map();
  var queued = [];
  var listeners = new Set();
  var retryMs = 500;

  function deskError(code, message) {
    var error = new Error(message);
    error.name = 'DeskError';
    error.code = code;
    return error;
  }

  function utf8Length(text) {
    var bytes = 0;
    for (var i = 0; i < text.length; i++) {
      var c = text.charCodeAt(i);
      if (c < 0x80) bytes += 1;
      else if (c < 0x800) bytes += 2;
      else if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) { bytes += 4; i++; }
      else bytes += 3;
    }
    return bytes;
  }

  function connect() {
    socket = new WebSocket(wsUrl);
    socket.onopen = function () {
      open = true;
      retryMs = 500;
      queued.splice(0).forEach(function (text) { socket.send(text); });
    };
    socket.onmessage = function (message) {
      var data;
      try { data = JSON.parse(message.data); } catch (e) { return; }
      if (data && data.event) {
        listeners.forEach(function (listener) {
          try { listener(data.event); } catch (e) { console.error('seva event listener failed', e); }
        });
        return;
      }
      var pending = data && waiting.get(data.id);
      if (!pending) return;
      waiting.delete(data.id);
      clearTimeout(pending.timer);
      if (data.ok) pending.resolve(data.output);
      else pending.reject(deskError(data.error && data.error.code || 'internal', data.error && data.error.message || 'Desk error'));
    };
    socket.onclose = function (event) {
      open = false;
      // 1009: the host refused a frame as too big; say so rather than "offline".
      var tooBig = event && event.code === 1009;
      waiting.forEach(function (pending) {
        clearTimeout(pending.timer);
        pending.reject(tooBig
          ? deskError('invalid-input', 'A request was too large for the desk and was not done')
          : deskError('offline', 'Lost the connection to the desk host'));
      });
      waiting.clear();
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 10000);
    };
  }

  window.seva = Object.freeze({
    invoke: function (method, input) {
      return new Promise(function (resolve, reject) {
        var id = nextId++;
        var text = JSON.stringify({ id: id, method: method, input: input === undefined ? {} : input });
        var bytes = utf8Length(text);
        if (bytes > MAX_REQUEST_BYTES) {
          reject(deskError('invalid-input', 'This is too large for the desk (' + bytes + ' bytes; at most ' + MAX_REQUEST_BYTES + '). Nothing was done.'));
          return;
        }
        var timer = setTimeout(function () {
          waiting.delete(id);
          reject(deskError('internal', 'The desk did not answer ' + method + ' in time'));
        }, TIMEOUT_MS);
        waiting.set(id, { resolve: resolve, reject: reject, timer: timer });
        if (open) socket.send(text); else queued.push(text);
      });
    },
    onEvent: function (listener) {
      listeners.add(listener);
      return function () { listeners.delete(listener); };
    }
  });
  connect();
})();
`
