// Mock of hiredis/hiredis.h, trimmed to the connection functions with their
// real signatures.
#ifndef POOLGUARD_MOCK_HIREDIS_H
#define POOLGUARD_MOCK_HIREDIS_H
#ifdef __cplusplus
extern "C" {
#endif
struct timeval;
typedef struct redisContext { int err; } redisContext;
redisContext *redisConnect(const char *ip, int port);
redisContext *redisConnectWithTimeout(const char *ip, int port,
                                      const struct timeval tv);
redisContext *redisConnectUnix(const char *path);
void redisFree(redisContext *c);
void *redisCommand(redisContext *c, const char *format, ...);
#ifdef __cplusplus
}
#endif
#endif
