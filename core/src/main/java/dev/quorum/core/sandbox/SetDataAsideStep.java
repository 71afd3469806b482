package dev.quorum.core.sandbox;

import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.Step;
import dev.quorum.core.engine.StepContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** For a reset: moves a stopped member's data dir aside (never deletes it); the next start begins afresh. */
final class SetDataAsideStep implements Step {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final SandboxContext sandbox;

    SetDataAsideStep(SandboxContext sandbox) {
        this.sandbox = sandbox;
    }

    @Override
    public String title() {
        return "Move the members' data aside";
    }

    @Override
    public List<String> preview(String target) {
        Path data = sandbox.layout().dataDir(sandbox.layout().requireMember(target));
        return List.of("mv " + data + " " + data + ".reset-$(date -u +%Y%m%d-%H%M%S)");
    }

    @Override
    public Check check(StepContext context) {
        Path data = sandbox.layout().dataDir(sandbox.layout().requireMember(context.target()));
        return Files.exists(data) ? Check.needed(data + " holds data") : Check.done("no data at " + data);
    }

    @Override
    public void apply(StepContext context) throws Exception {
        SandboxMember member = sandbox.layout().requireMember(context.target());
        if (new MemberProcess(sandbox.layout(), member).running().isPresent()) {
            throw new dev.quorum.core.engine.StepFailedException(member.memberName() + " still runs",
                    "stop the sandbox first: quorum sandbox stop");
        }
        Path data = sandbox.layout().dataDir(member);
        Path aside = data.resolveSibling("data.reset-" + STAMP.format(ZonedDateTime.now(ZoneOffset.UTC)));
        Files.move(data, aside);
        context.info("moved " + data + " to " + aside);
    }
}
