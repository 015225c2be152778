// n8n-core logs every node error to the console; tests assert on errors themselves.
process.env.N8N_LOG_LEVEL = 'silent';
