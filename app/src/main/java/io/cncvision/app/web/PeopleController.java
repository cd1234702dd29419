package io.cncvision.app.web;

import io.cncvision.app.people.People;
import io.cncvision.app.people.Person;
import io.cncvision.app.security.SecurityConfiguration;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who is behind a user id of the audit trail, for the roles that need to know (see ApiAccessRules), and the
 * erasure of a name (GDPR Art. 17) by an administrator: the name goes, the id and every event stay.
 */
@RestController
@RequestMapping("/api/v1/people")
@SecurityRequirement(name = SecurityConfiguration.BEARER_SCHEME)
public class PeopleController {

    private final People people;

    public PeopleController(People people) {
        this.people = people;
    }

    @GetMapping
    @Operation(summary = "Everyone the platform has seen, in the order first seen",
            description = "Roles: QUALITY_MANAGER, AUDITOR, ADMIN. Erased people are listed with their id only.")
    public List<PersonView> list() {
        return people.all().stream().map(PersonView::of).toList();
    }

    @GetMapping("/{userId}")
    @Operation(summary = "The name behind a user id", description = "Roles: QUALITY_MANAGER, AUDITOR, ADMIN. "
            + "An erased person answers with the id and erased: true.")
    @ApiResponse(responseCode = "200", description = "The person",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PersonView.class)))
    @ApiResponse(responseCode = "404", description = "No person has this id",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    public PersonView find(@PathVariable String userId) {
        return PersonView.of(person(userId));
    }

    @DeleteMapping("/{userId}")
    @Operation(summary = "Erase a person's name (GDPR Art. 17)", description = "Roles: ADMIN. Removes the name and "
            + "the key to the token subject; the id stays, shown as erased, and no event changes. The same person "
            + "signing in again gets a new id. Erasing an erased person changes nothing.")
    @ApiResponse(responseCode = "200", description = "The person, erased",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PersonView.class)))
    @ApiResponse(responseCode = "404", description = "No person has this id",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    public PersonView erase(@PathVariable String userId, Principal caller) {
        checkUserId(userId);
        if (people.erase(userId, caller.getName()) == People.Erasure.NO_SUCH_PERSON) {
            throw notFound(userId);
        }
        return PersonView.of(person(userId));
    }

    private Person person(String userId) {
        checkUserId(userId);
        return people.find(userId).orElseThrow(() -> notFound(userId));
    }

    private static void checkUserId(String userId) {
        if (!People.USER_ID.matcher(userId).matches()) {
            throw new InvalidFieldException("userId", "userId must be a user id such as u-k3vq7x2mh5ra4btw (u- and 16 "
                    + "characters a-z, 2-7), not '" + userId + "'; machines are known by their own id, not here");
        }
    }

    private static ErrorResponseException notFound(String userId) {
        return new ErrorResponseException(HttpStatus.NOT_FOUND,
                ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no person has the user id '" + userId + "'"),
                null);
    }
}
