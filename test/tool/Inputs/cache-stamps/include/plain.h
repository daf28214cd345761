#define PLAIN_NAME "plain"
