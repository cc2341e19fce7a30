// The live stream: a banner while it is lost, reconnection with back-off, a refresh of the page's data once back.

const TYPES = ['alarm', 'alarm-raised', 'order', 'notice', 'call', 'reset'];

export function openStream(handlers) {
  const banner = document.getElementById('stream-banner');
  let source;
  let delay = 1000;
  let lost = false;
  const connect = () => {
    source = new EventSource('/api/stream');
    source.addEventListener('hello', () => {
      banner.hidden = true;
      delay = 1000;
      document.body.dataset.stream = 'live';
      if (lost && handlers.reconnected) handlers.reconnected();
      lost = false;
    });
    for (const type of TYPES) {
      source.addEventListener(type, e => handlers[type] && handlers[type](JSON.parse(e.data)));
    }
    source.onerror = () => {
      lost = true;
      banner.hidden = false;
      document.body.dataset.stream = 'lost';
      if (source.readyState === EventSource.CLOSED) {
        setTimeout(connect, delay);
        delay = Math.min(delay * 2, 30000);
      }
    };
  };
  connect();
  return { close: () => source.close() };
}
