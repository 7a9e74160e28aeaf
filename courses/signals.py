from django.dispatch import Signal

# Sent once when a learner completes a course (all lessons done, every quiz passed).
# Arguments: enrollment. trainers/ listens to issue the course certificate.
course_completed = Signal()

# Sent once when a learner enrols in a course (not on a repeated enrolment).
# Arguments: enrollment. trainers/ listens to send the enrolment confirmation.
enrolled = Signal()
