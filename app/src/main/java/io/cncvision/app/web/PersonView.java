package io.cncvision.app.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.cncvision.app.people.Person;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A person of the people registry as the API shows them: the user id events carry and, unless erased, the name. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PersonView(
        @Schema(description = "The pseudonymous id every event of this person carries", example = "u-k3vq7x2mh5ra4btw")
        String userId,
        @Schema(description = "The name behind the id; absent once erased", example = "Erin Example")
        String displayName,
        @Schema(description = "True once the name has been erased; the id and the events stay")
        boolean erased,
        Instant firstSeen,
        Instant lastSeen,
        @Schema(description = "When the name was erased")
        Instant erasedAt,
        @Schema(description = "Who erased it: a user id, or 'command line'")
        String erasedBy) {

    static PersonView of(Person person) {
        return new PersonView(person.userId(), person.displayName(), person.erased(), person.firstSeen(),
                person.lastSeen(), person.erasedAt(), person.erasedBy());
    }
}
