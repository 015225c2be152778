// n8n's logger at its most talkative: everything it says is captured and scanned for the API key
// (support/capture.cts swallows it so the run's output stays readable).
process.env.N8N_LOG_LEVEL = 'debug';
