#include "service/durable_check_in.hpp"

#include <optional>

namespace dk::service {

Result<Answer> check_in_durably(Connection& connection, Database* database, const Actor& actor,
                                Id activity, const CheckIn& request, const RequestOnce& once,
                                const std::function<Answer(const CheckedIn&)>& render) {
  // The reads and checks run first, on the request's own connection, so that the shared writer
  // runs only the write and the saved answer. A check-in that fails them is not refused here: a
  // retry of one accepted earlier (whose code has expired since, say) must get its first answer,
  // which only the key's lookup on the writer knows, so it runs whole there.
  auto prepared = prepare_check_in(connection, actor, activity, request);
  auto answer_on = [&](Connection& writer) -> Result<Answer> {
    auto write = [&]() -> Result<Answer> {
      auto checked = TRY(prepared ? write_check_in(writer, actor, *prepared)
                                  : check_in(writer, actor, activity, request));
      return render(checked);
    };
    if (once.key.empty()) return write();
    return answer_once(writer, actor, once.key, request_fingerprint(once.request), write);
  };
  if (!database || !database->groups_commits()) return answer_on(connection);
  // Filled on the writer's thread while this one waits in in_group_commit(), which returns only
  // after it.
  std::optional<Result<Answer>> answer;
  auto committed = database->in_group_commit([&](Connection& writer) -> Status {
    answer = answer_on(writer);
    if (!*answer) return std::unexpected(answer->error());
    return {};
  });
  // An answer whose commit failed was never kept: the client must hear the failure and retry.
  if (!committed) return std::unexpected(committed.error());
  return std::move(*answer);
}

}  // namespace dk::service
